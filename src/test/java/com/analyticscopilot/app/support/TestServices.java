package com.analyticscopilot.app.support;

import com.analyticscopilot.app.service.AppServices;
import com.analyticscopilot.app.service.SampleData;

import java.nio.file.Path;
import java.util.List;

/** Services built from the test fakes, with the sample data looked up under {@code root}. */
public final class TestServices {

    public final SimpleDetection detection = new SimpleDetection();
    public final MemoryAdvisor advisor = new MemoryAdvisor();
    public final FakeTraining training;
    public final AppServices services;

    public TestServices(Path root, FakeTraining training) {
        this.training = training;
        this.services = new AppServices(new FakeDatasets(), detection, advisor, training,
                new FakeReports(),
                new SampleData(List.of(root)));
    }
}
