package com.analyticscopilot.forecast;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the forecasting network: {@code layers} stacked LSTMs, the last one reduced to its
 * final time step, then a linear layer with one output per KPI, trained on mean squared error.
 */
final class LstmNetworks {

    private LstmNetworks() {
    }

    static MultiLayerNetwork create(ForecastSettings settings, int featureCount, int kpiCount) {
        return create(settings, featureCount, kpiCount, WorkspaceMode.ENABLED);
    }

    /**
     * With a chosen workspace mode; the benchmark compares them. ENABLED reuses off-heap memory
     * between iterations and was not slower than NONE (docs/benchmarks.md).
     */
    static MultiLayerNetwork create(ForecastSettings settings, int featureCount, int kpiCount,
                                    WorkspaceMode workspaces) {
        NativeThreads.configure();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(settings.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .list();
        int layer = 0;
        for (int i = 0; i < settings.layers(); i++) {
            LSTM lstm = new LSTM.Builder()
                    .nIn(i == 0 ? featureCount : settings.hiddenSize())
                    .nOut(settings.hiddenSize())
                    .activation(Activation.TANH)
                    .build();
            boolean last = i == settings.layers() - 1;
            list.layer(layer++, last ? new LastTimeStep(lstm) : lstm);
        }
        list.layer(layer, new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(settings.hiddenSize())
                .nOut(kpiCount)
                .activation(Activation.IDENTITY)
                .build());
        MultiLayerConfiguration conf = list
                .setInputType(InputType.recurrent(featureCount, settings.window()))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * A copy of a trained network set up for fine-tuning: Adam at the fine-tune learning rate,
     * and with {@code freezeFirstLayer} the first LSTM layer's weights kept as they are.
     */
    static MultiLayerNetwork forFineTuning(MultiLayerNetwork base, ForecastSettings settings) {
        FineTuneConfiguration fineTune = new FineTuneConfiguration.Builder()
                .updater(new Adam(settings.fineTuneLearningRate()))
                .seed(settings.seed())
                .build();
        TransferLearning.Builder builder = new TransferLearning.Builder(base.clone())
                .fineTuneConfiguration(fineTune);
        if (settings.freezeFirstLayer()) {
            builder.setFeatureExtractor(0);
        }
        return builder.build();
    }
}
