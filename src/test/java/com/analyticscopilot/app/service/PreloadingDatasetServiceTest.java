package com.analyticscopilot.app.service;

import com.analyticscopilot.app.support.FakeDatasets;
import com.analyticscopilot.data.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreloadingDatasetServiceTest {

    @TempDir
    Path dir;

    @Test
    void theFirstLoadOfThePreloadedFileUsesTheEarlyReadAndLaterLoadsReadAgain() throws Exception {
        Path file = FakeDatasets.write(dir.resolve("kpis.csv"), 2, 30);
        AtomicInteger reads = new AtomicInteger();
        FakeDatasets fake = new FakeDatasets();
        PreloadingDatasetService service = new PreloadingDatasetService(f -> {
            reads.incrementAndGet();
            return fake.load(f);
        });

        service.preload(file);
        LoadedData first = service.load(file);
        LoadedData second = service.load(file);

        assertEquals(2, reads.get(), "one early read, one fresh read");
        assertEquals(2, first.dataset().siteCount());
        assertEquals(2, second.dataset().siteCount());
    }

    @Test
    void anotherFileIsReadDirectly() throws Exception {
        Path preloaded = FakeDatasets.write(dir.resolve("a.csv"), 2, 30);
        Path other = FakeDatasets.write(dir.resolve("b.csv"), 3, 30);
        PreloadingDatasetService service = new PreloadingDatasetService(new FakeDatasets());

        service.preload(preloaded);

        assertEquals(3, service.load(other).dataset().siteCount());
    }

    @Test
    void aBadPreloadedFileFailsTheLoadWithTheSameProblems() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "nonsense\n");
        PreloadingDatasetService service = new PreloadingDatasetService(new FakeDatasets());

        service.preload(bad);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.load(
                bad));

        assertEquals(2, e.problems().size());
        assertSame(InvalidInputException.class, e.getClass());
    }
}
