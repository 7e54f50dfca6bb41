package com.analyticscopilot.app;

import com.analyticscopilot.app.service.AppServices;
import com.analyticscopilot.app.service.CsvDatasetService;
import com.analyticscopilot.app.service.DefaultServices;
import com.analyticscopilot.app.service.PreloadingDatasetService;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.task.FxTaskExecutor;
import com.analyticscopilot.app.view.NativeFilePicker;
import com.analyticscopilot.app.viewmodel.MainViewModel;
import com.analyticscopilot.data.UserFolder;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench as a JavaFX application: one executor, the real services, the preferences in
 * the user's data folder. Closing the last window ends the application; {@link #stop()} then
 * stops the executor and closes the feedback store.
 */
public class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private WorkbenchPreferences prefs;
    private DefaultServices.Startup startup;
    private FxTaskExecutor executor;
    private AppServices services;

    /** Starts JavaFX and opens the workbench; returns when the last window closed. */
    public static void launchWorkbench(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    /**
     * Runs on the launcher thread before the window exists: opens the feedback store and starts
     * reading the first data file, so neither holds up the JavaFX thread or the first results.
     */
    @Override
    public void init() {
        prefs = WorkbenchPreferences.load(UserFolder.path());
        PreloadingDatasetService datasets = new PreloadingDatasetService(new CsvDatasetService());
        startup = DefaultServices.create(UserFolder.path(), datasets);
        MainViewModel.initialFile(prefs, startup.services().samples()).ifPresent(datasets::preload);
    }

    @Override
    public void start(Stage stage) {
        UiText text = UiText.load();
        executor = new FxTaskExecutor();
        services = startup.services();
        Workbench workbench = Workbench.show(stage, services, executor, prefs, text,
                new NativeFilePicker(text));
        LOG.info("Workbench window shown; preferences in {}", prefs.file());
        startup.problems().forEach(workbench.errors()::show);
        workbench.openInitialData();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (services != null) {
            services.advisor().close();
        }
    }
}
