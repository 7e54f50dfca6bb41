package com.analyticscopilot.app.service;

import com.analyticscopilot.forecast.ForecastSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the services the workbench runs on from the other parts of the product. */
public final class DefaultServices {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultServices.class);

    /** The feedback database's name in the data folder. */
    public static final String FEEDBACK_FILE = "feedback.db";

    private DefaultServices() {
    }

    /**
     * The services and what went wrong building them.
     *
     * @param services the services; a part that failed to start is replaced by one that says so
     * @param problems what to tell the user once the window is up
     */
    public record Startup(AppServices services, List<ErrorReport> problems) {
    }

    /**
     * The real services, keeping the feedback store and trained models in {@code folder}. Opens
     * the feedback store: call it off the JavaFX thread.
     *
     * @param datasets the KPI file reader, e.g. a {@link PreloadingDatasetService}
     */
    public static Startup create(Path folder, DatasetService datasets) {
        SampleData samples = SampleData.standard();
        List<ErrorReport> problems = new ArrayList<>();

        AdvisorService advisor;
        try {
            advisor = AgentAdvisorService.open(folder.resolve(FEEDBACK_FILE));
        } catch (RuntimeException e) {
            // Detection still works without the agent; the user learns why advice is missing.
            LOG.error("Could not open the feedback store in {}", folder, e);
            Path database = folder.resolve(FEEDBACK_FILE);
            problems.add(ErrorReport.of("Opening the feedback store " + database, e));
            advisor = new Unavailable("the feedback store " + database + " could not be opened ("
                    + e.getMessage() + ")");
        }

        Path models = folder.resolve("models");
        AppServices services = new AppServices(datasets, new DetectorService(), advisor,
                new LstmTrainingService(ForecastSettings.defaults(), samples, models),
                new AnomalyReportService(), samples);
        return new Startup(services, problems);
    }
}
