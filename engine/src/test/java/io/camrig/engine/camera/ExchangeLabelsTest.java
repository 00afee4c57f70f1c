package io.camrig.engine.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import org.junit.jupiter.api.Test;

class ExchangeLabelsTest {

    @Test
    void commandAndQueryLabelsNameTheIdInHexAndTheCatalogName() {
        assertThat(ExchangeLabels.command(CommandId.SET_SHUTTER)).isEqualTo("command 0x01 set_shutter");
        assertThat(ExchangeLabels.query(QueryId.GET_STATUS_VALUES)).isEqualTo("query 0x13 get_status_values");
    }

    @Test
    void protobufLabelsUseTheResponseFeatureAndTheRequestAction() {
        // Get COHN Status: request F5 6F, response F5 EF (BLE spec, "Features" / "COHN")
        assertThat(ExchangeLabels.protobuf(Operation.GET_COHN_STATUS))
                .isEqualTo("protobuf 0xF5 0x6F " + Operation.GET_COHN_STATUS.info().snakeName());
    }

    @Test
    void eachLabelIsBuiltOnceAndReused() {
        assertThat(ExchangeLabels.command(CommandId.SET_SHUTTER)).isSameAs(ExchangeLabels.command(CommandId.SET_SHUTTER));
        assertThat(ExchangeLabels.query(QueryId.GET_STATUS_VALUES)).isSameAs(ExchangeLabels.query(QueryId.GET_STATUS_VALUES));
        assertThat(ExchangeLabels.protobuf(Operation.GET_COHN_STATUS)).isSameAs(ExchangeLabels.protobuf(Operation.GET_COHN_STATUS));
    }

    @Test
    void unknownIdsAreLabelledAsSuch() {
        assertThat(ExchangeLabels.command(0xEE)).isEqualTo("command 0xEE (not in the catalog)");
        assertThat(ExchangeLabels.command(0x1FF)).isEqualTo("command 0x1FF (not in the catalog)");
        assertThat(ExchangeLabels.command(-1)).startsWith("command 0xFFFFFFFF");
    }
}
