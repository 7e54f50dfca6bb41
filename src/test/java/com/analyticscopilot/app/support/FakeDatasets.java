package com.analyticscopilot.app.support;

import com.analyticscopilot.app.service.DatasetService;
import com.analyticscopilot.app.service.LoadedData;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads "files" that only name a test data set: a first line {@code # test-data <sites> <days>}.
 * Anything else is rejected the way the real reader rejects a bad CSV: with located problems.
 */
public final class FakeDatasets implements DatasetService {

    /** Writes a file this reader accepts. */
    public static Path write(Path file, int sites, int days) throws IOException {
        Files.writeString(file, "# test-data " + sites + " " + days + "\n");
        return file;
    }

    @Override
    public LoadedData load(Path file) throws IOException {
        String first = Files.readAllLines(file).stream().findFirst().orElse("");
        String name = file.getFileName().toString();
        if (!first.startsWith("# test-data ")) {
            throw new InvalidInputException(List.of(new InputProblem(name, 1, null,
                    "no 'date' column in the header"),
                    new InputProblem(name, 2, "sessions", "'abc' is not a number")));
        }
        String[] parts = first.split(" ");
        return new LoadedData(file, TestData.dataset(Integer.parseInt(parts[2]), Integer.parseInt(
                parts[3]), 7),
                List.of());
    }
}
