package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.forecast.TrainingListener;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Trains, loads and saves the neural forecaster, in the forecast part's terms. */
public interface TrainingService {

    /** Pretrains a forecaster on every site; {@code cancel} is checked between batches. */
    ResidualScorer pretrain(Dataset dataset, TrainingListener listener, BooleanSupplier cancel)
            throws java.io.IOException;

    /** Fine-tunes a copy of {@code base} on one site. */
    ResidualScorer fineTune(ResidualScorer base, Dataset dataset, String site,
            TrainingListener listener,
                            BooleanSupplier cancel) throws java.io.IOException;

    /** The shipped base model, when there is one. */
    Optional<ResidualScorer> loadBaseModel() throws java.io.IOException;
}
