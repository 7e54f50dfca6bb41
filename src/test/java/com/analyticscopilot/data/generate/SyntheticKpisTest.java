package com.analyticscopilot.data.generate;

import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.LabelsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticKpisTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        GeneratorSettings settings = GeneratorSettings.defaults().withSites(12).withDays(90);
        SyntheticKpis.generate(settings).writeTo(dir.resolve("a"));
        SyntheticKpis.generate(settings).writeTo(dir.resolve("b"));
        SyntheticKpis.generate(settings.withSeed(7)).writeTo(dir.resolve("c"));

        for (String f : List.of("kpis.csv", "kpis.roles.csv", "labels.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertFalse(Files.readString(dir.resolve("a/kpis.csv"))
                .equals(Files.readString(dir.resolve("c/kpis.csv"))));
    }

    @Test
    void incidentsRespectWarmUpSpacingAndQuietSites() {
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults());
        LocalDate start = GeneratorSettings.DEFAULT_START;

        List<Incident> incidents = data.incidents();
        Set<String> affected = incidents.stream().map(Incident::site).collect(Collectors.toSet());
        assertTrue(affected.size() >= 30 && affected.size() <= 48, "affected " + affected.size());
        for (Incident i : incidents) {
            assertFalse(i.start().isBefore(start.plusDays(SyntheticKpis.WARM_UP_DAYS)), i.toString());
        }
        for (int a = 1; a < incidents.size(); a++) {
            Incident prev = incidents.get(a - 1);
            Incident next = incidents.get(a);
            if (prev.site().equals(next.site())) {
                assertTrue(next.start().isAfter(prev.end()), prev + " overlaps " + next);
            }
        }
        Set<String> types = incidents.stream().map(Incident::type).collect(Collectors.toSet());
        assertEquals(Set.of("spike", "dip", "level_shift", "tracking_outage", "bot_traffic",
                "checkout_failure", "order_value_outlier"), types);
    }

    @Test
    void marketEventsHitMostSitesOnOneDay() {
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults()
                .withMarketEvents(1));

        List<Incident> market = data.incidents().stream()
                .filter(i -> i.type().equals("market_event")).toList();
        assertTrue(market.size() >= 25, "market labels " + market.size());
        assertEquals(1, market.stream().map(Incident::start).distinct().count());
    }

    @Test
    void labelsRoundTrip() {
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults().withSites(10));
        data.writeTo(dir);

        assertEquals(data.incidents(), LabelsCsv.read(dir.resolve("labels.csv")));
    }
}
