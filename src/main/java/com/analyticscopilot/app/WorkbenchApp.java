package com.analyticscopilot.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The workbench window. */
public class WorkbenchApp extends Application {

    public static void launchWorkbench(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Analytics Copilot");
        stage.setScene(new Scene(new BorderPane(), 1200, 800));
        stage.show();
    }
}
