package com.analyticscopilot.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiRolesTest {

    @TempDir
    Path dir;

    @Test
    void namesSuggestRoles() {
        assertEquals(KpiRole.COUNT, KpiRoles.infer("sessions"));
        assertEquals(KpiRole.COUNT, KpiRoles.infer("Orders"));
        assertEquals(KpiRole.COUNT, KpiRoles.infer("page_views"));
        assertEquals(KpiRole.RATIO, KpiRoles.infer("conversion_rate"));
        assertEquals(KpiRole.RATIO, KpiRoles.infer("bouncerate"));
        assertEquals(KpiRole.RATIO, KpiRoles.infer("CTR"));
        assertEquals(KpiRole.MONEY, KpiRoles.infer("revenue"));
        assertEquals(KpiRole.MONEY, KpiRoles.infer("order_value"));
        assertEquals(KpiRole.MONEY, KpiRoles.infer("GMV"));
        assertEquals(KpiRole.VALUE, KpiRoles.infer("value"));
        assertEquals(KpiRole.VALUE, KpiRoles.infer("temperature"));
    }

    @Test
    void inferredRatioTakesTheFirstCountAsVolume() {
        List<Kpi> kpis = KpiRoles.inferAll(List.of("revenue", "visits", "ctr", "orders"));

        assertEquals(new Kpi("ctr", KpiRole.RATIO, "visits"), kpis.get(2));
    }

    @Test
    void sidecarWinsAndGapsAreInferredWithAWarning() throws IOException {
        Path data = dir.resolve("shop.csv");
        Files.writeString(data, """
                date,visits,cr,basket
                2025-03-01,100,0.02,55.5
                2025-03-02,120,0.03,-1
                """);
        Files.writeString(dir.resolve("shop.roles.csv"), """
                kpi,role,volume
                cr,ratio,visits
                basket,value,
                """);

        LoadResult result = CsvDatasetReader.load(data);

        assertEquals(List.of(new Kpi("visits", KpiRole.COUNT), new Kpi("cr", KpiRole.RATIO, "visits"),
                new Kpi("basket", KpiRole.VALUE)), result.dataset().kpis());
        assertTrue(result.warnings().contains("shop.roles.csv does not list KPI 'visits'; role"
                + " inferred from its name: count"), result.warnings().toString());
    }

    @Test
    void withoutSidecarTheInferenceIsReported() throws IOException {
        Path data = dir.resolve("k.csv");
        Files.writeString(data, "date,sessions,conversion_rate\n2025-03-01,100,0.02\n2025-03-02,90,0.01\n");

        LoadResult result = CsvDatasetReader.load(data);

        assertEquals(List.of("no roles file k.roles.csv; roles inferred from KPI names:"
                + " sessions=count conversion_rate=ratio"), result.warnings());
        assertEquals("sessions", result.dataset().kpis().get(1).volumeKpi());
    }

    @Test
    void sidecarRoundTrips() {
        List<Kpi> kpis = List.of(new Kpi("a", KpiRole.COUNT), new Kpi("b", KpiRole.RATIO, "a"),
                new Kpi("c", KpiRole.MONEY));
        Path data = dir.resolve("x.csv");

        KpiRoles.write(kpis, KpiRoles.sidecarOf(data));

        assertEquals(kpis, KpiRoles.resolve(data, List.of("a", "b", "c"), new java.util.ArrayList<>()));
    }
}
