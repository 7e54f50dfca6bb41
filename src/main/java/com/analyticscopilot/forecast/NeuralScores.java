package com.analyticscopilot.forecast;

/**
 * The neural view of one site: one-step-ahead forecasts and the anomaly scores derived from
 * their errors, indexed {@code [kpi][t]} in the data set's KPI order and the site's time steps.
 * {@code NaN} where there is no forecast (the first window of steps, or missing inputs).
 *
 * @param forecast the forecast of each observation, on the KPI's own scale
 * @param score    the forecast residual over the robust spread of validation residuals; signed,
 *                 positive when the observation is above the forecast
 */
public record NeuralScores(double[][] forecast, double[][] score) {
}
