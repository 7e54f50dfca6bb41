package com.analyticscopilot.app;

import com.analyticscopilot.app.service.AppServices;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.task.TaskExecutor;
import com.analyticscopilot.app.view.AgentPanelController;
import com.analyticscopilot.app.view.ErrorDialog;
import com.analyticscopilot.app.view.FilePicker;
import com.analyticscopilot.app.view.MainController;
import com.analyticscopilot.app.view.TrainingController;
import com.analyticscopilot.app.viewmodel.AgentViewModel;
import com.analyticscopilot.app.viewmodel.MainViewModel;
import com.analyticscopilot.app.viewmodel.TrainingViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Objects;

/**
 * Puts the workbench together in a stage: view models over the services, controllers through
 * the controller factory, the main FXML view, CSS and the window's remembered size. The JavaFX
 * {@link WorkbenchApp} and the UI tests both build the window through this class, so the tests
 * exercise the same wiring a user gets.
 */
public final class Workbench {

    /** The stylesheet of every window. */
    public static final String STYLESHEET = "/css/workbench.css";

    private final Stage stage;
    private final MainViewModel main;
    private final AgentViewModel agent;
    private final TrainingViewModel training;
    private final WorkbenchPreferences prefs;
    private final ErrorDialog errors;

    private Workbench(Stage stage, MainViewModel main, AgentViewModel agent,
            TrainingViewModel training,
                      WorkbenchPreferences prefs, ErrorDialog errors) {
        this.errors = errors;
        this.stage = stage;
        this.main = main;
        this.agent = agent;
        this.training = training;
        this.prefs = prefs;
    }

    /**
     * Builds the window in {@code stage} and shows it; nothing is loaded yet (see
     * {@link #openInitialData()}).
     */
    public static Workbench show(Stage stage, AppServices services, TaskExecutor executor,
                                 WorkbenchPreferences prefs, UiText text, FilePicker files) {
        Objects.requireNonNull(stage, "stage");
        ErrorDialog errors = new ErrorDialog(text, () -> stage);
        MainViewModel main = new MainViewModel(services, executor, errors, prefs, text);
        AgentViewModel agent = new AgentViewModel(main, services.advisor(), executor, errors, text);
        TrainingViewModel training = new TrainingViewModel(main, services.training(), executor,
                errors, text);

        ControllerFactory controllers = new ControllerFactory()
                .register(MainController.class, () -> new MainController(main, training, text,
                        files))
                .register(AgentPanelController.class, () -> new AgentPanelController(agent, text))
                .register(TrainingController.class, () -> new TrainingController(training, text));
        FxmlLoaderFactory loaders = new FxmlLoaderFactory(text.bundle(), controllers);
        FxmlLoaderFactory.Loaded<MainController> view = loaders.load(FxmlView.MAIN);

        Scene scene = new Scene(view.root(), prefs.width(), prefs.height());
        scene.getStylesheets().add(Objects.requireNonNull(Workbench.class.getResource(STYLESHEET))
                .toExternalForm());
        stage.setTitle(text.get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        // The window's outer size is what is remembered and restored, decorations included, so
        // the window does not shrink by its title bar at every start.
        stage.setWidth(prefs.width());
        stage.setHeight(prefs.height());
        stage.setOnHidden(e -> main.close(stage.getWidth(), stage.getHeight()));
        stage.show();
        return new Workbench(stage, main, agent, training, prefs, errors);
    }

    /** Opens the remembered data file or the sample data, and the shipped model if there is one. */
    public void openInitialData() {
        main.openInitial();
        training.loadBaseModel();
    }

    public Stage stage() {
        return stage;
    }

    public MainViewModel main() {
        return main;
    }

    public AgentViewModel agent() {
        return agent;
    }

    public TrainingViewModel training() {
        return training;
    }

    /** Shows errors as dialogs over this window. */
    public ErrorDialog errors() {
        return errors;
    }

    public WorkbenchPreferences preferences() {
        return prefs;
    }
}
