package com.analyticscopilot.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sites, each with regular time series of the same named KPIs. Sites may cover different
 * ranges, but share one time step. Immutable.
 */
public final class Dataset {

    private final String source;
    private final List<Kpi> kpis;
    private final TimeStep step;
    private final Map<String, SiteSeries> sites;
    private final Map<String, Integer> kpiIndex;

    /**
     * @param source where the data came from (a file name), for messages and provenance
     * @param kpis   the KPIs, in the order of every site's series
     * @param step   the time step every site follows
     * @param sites  the sites, in display order; identifiers unique
     */
    public Dataset(String source, List<Kpi> kpis, TimeStep step, List<SiteSeries> sites) {
        this.source = Objects.requireNonNull(source, "source");
        this.kpis = List.copyOf(kpis);
        this.step = Objects.requireNonNull(step, "step");
        if (this.kpis.isEmpty()) {
            throw new IllegalArgumentException("a data set needs at least one KPI");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < this.kpis.size(); k++) {
            if (index.put(this.kpis.get(k).name(), k) != null) {
                throw new IllegalArgumentException("KPI '" + this.kpis.get(k).name() + "' appears twice");
            }
        }
        for (Kpi kpi : this.kpis) {
            if (kpi.volumeKpi() != null && !index.containsKey(kpi.volumeKpi())) {
                throw new IllegalArgumentException("ratio KPI '" + kpi.name() + "' names volume KPI '"
                        + kpi.volumeKpi() + "', which is not in the data set");
            }
        }
        this.kpiIndex = Collections.unmodifiableMap(index);
        Map<String, SiteSeries> bySite = new LinkedHashMap<>();
        for (SiteSeries s : sites) {
            if (s.kpiCount() != this.kpis.size()) {
                throw new IllegalArgumentException("site '" + s.site() + "' has " + s.kpiCount()
                        + " KPI series, the data set has " + this.kpis.size() + " KPIs");
            }
            if (!s.step().equals(step)) {
                throw new IllegalArgumentException("site '" + s.site() + "' has step " + s.step()
                        + ", the data set " + step);
            }
            if (bySite.put(s.site(), s) != null) {
                throw new IllegalArgumentException("site '" + s.site() + "' appears twice");
            }
        }
        this.sites = Collections.unmodifiableMap(bySite);
    }

    public String source() {
        return source;
    }

    public List<Kpi> kpis() {
        return kpis;
    }

    public TimeStep step() {
        return step;
    }

    public List<SiteSeries> sites() {
        return List.copyOf(sites.values());
    }

    public List<String> siteIds() {
        return new ArrayList<>(sites.keySet());
    }

    public int siteCount() {
        return sites.size();
    }

    public Optional<SiteSeries> site(String id) {
        return Optional.ofNullable(sites.get(id));
    }

    /** The position of a KPI in every site's series, or -1 when the data set has no such KPI. */
    public int kpiIndex(String name) {
        return kpiIndex.getOrDefault(name, -1);
    }

    public Optional<Kpi> kpi(String name) {
        int k = kpiIndex(name);
        return k < 0 ? Optional.empty() : Optional.of(kpis.get(k));
    }

    /** The first KPI with the given role, if any. */
    public Optional<Kpi> firstWithRole(KpiRole role) {
        return kpis.stream().filter(k -> k.role() == role).findFirst();
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ": " + sites.size() + " sites, " + kpis.size() + " KPIs, " + step + "]";
    }
}
