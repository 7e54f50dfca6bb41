package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.forecast.NeuralScores;
import com.analyticscopilot.forecast.ResidualScorer;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a forecaster's scores per site of one data set. The neural view does not depend on
 * the sensitivity, so moving the slider re-thresholds and re-fuses without running the network
 * over every site again, which takes seconds per run. Safe for the detector's worker threads;
 * two threads asking for the same new site may both compute it, and either answer is right.
 */
public final class CachingScorer implements ResidualScorer {

    private final ResidualScorer model;
    private final Dataset dataset;
    private final Map<String, NeuralScores> bySite = new ConcurrentHashMap<>();

    /** @param dataset the one data set this cache answers for; others go to the model directly */
    public CachingScorer(ResidualScorer model, Dataset dataset) {
        this.model = Objects.requireNonNull(model, "model");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The model behind the cache. */
    public ResidualScorer model() {
        return model;
    }

    /** True when this cache holds scores of {@code model} on {@code data}. */
    public boolean serves(ResidualScorer other, Dataset data) {
        return model == other && dataset == data;
    }

    @Override
    public NeuralScores score(Dataset data, SiteSeries site) {
        if (data != dataset) {
            return model.score(data, site);
        }
        NeuralScores cached = bySite.get(site.site());
        if (cached == null) {
            cached = model.score(data, site);
            bySite.put(site.site(), cached);
        }
        return cached;
    }
}
