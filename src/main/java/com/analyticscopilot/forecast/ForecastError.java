package com.analyticscopilot.forecast;

/**
 * Mean squared one-step forecast error on a site's validation part, on the model's scaled
 * scale (robust spreads of the site's training part), so KPIs and sites of any size compare.
 *
 * @param perKpi  per KPI, in the data set's order
 * @param overall the mean over KPIs
 * @param windows how many validation windows were scored
 */
public record ForecastError(double[] perKpi, double overall, int windows) {
}
