package com.analyticscopilot.app;

/** Every FXML file of the workbench, so a path is written once. */
public enum FxmlView {
    MAIN("/fxml/main.fxml"),
    AGENT_PANEL("/fxml/agent-panel.fxml"),
    TRAINING("/fxml/training.fxml");

    private final String resource;

    FxmlView(String resource) {
        this.resource = resource;
    }

    /** The class-path resource of the file. */
    public String resource() {
        return resource;
    }
}
