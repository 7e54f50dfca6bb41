package com.analyticscopilot.app.support;

import com.analyticscopilot.app.service.ErrorPresenter;
import com.analyticscopilot.app.service.ErrorReport;

import java.util.ArrayList;
import java.util.List;

/** Keeps what would have been shown to the user. */
public final class RecordingErrors implements ErrorPresenter {

    public final List<ErrorReport> shown = new ArrayList<>();

    @Override
    public void show(ErrorReport report) {
        shown.add(report);
    }
}
