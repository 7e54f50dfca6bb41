package com.analyticscopilot.app.support;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.Workbench;
import com.analyticscopilot.app.service.AppServices;
import com.analyticscopilot.app.service.CsvDatasetService;
import com.analyticscopilot.app.service.SampleData;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.task.FxTaskExecutor;
import com.analyticscopilot.app.view.NativeFilePicker;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the workbench on the real sample data with the test fakes behind it, to look at the
 * layout under Xvfb while a part is missing. Not a test; run by hand.
 */
public final class PreviewMain {

    private PreviewMain() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application; separate so the launcher does not demand JavaFX modules. */
    public static final class App extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("copilot-preview");
        FakeTraining training = new FakeTraining(30, 20, 100);
        AppServices services = new AppServices(new CsvDatasetService(), new SimpleDetection(),
                new MemoryAdvisor(),
                training, new FakeReports(), SampleData.standard());
        UiText text = UiText.load();
        Workbench workbench = Workbench.show(stage, services, new FxTaskExecutor(),
                WorkbenchPreferences.load(home),
                text, new NativeFilePicker(text));
        workbench.openInitialData();
    }
    }
}
