package io.camrig.simulator.camera;

import com.google.protobuf.Message;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.pb.EnumProvisioning;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.EnumScanning;
import io.camrig.proto.pb.NotifProvisioningState;
import io.camrig.proto.pb.NotifStartScanning;
import io.camrig.proto.pb.RequestConnect;
import io.camrig.proto.pb.RequestConnectNew;
import io.camrig.proto.pb.RequestCreateCOHNCert;
import io.camrig.proto.pb.RequestGetApEntries;
import io.camrig.proto.pb.RequestGetCOHNStatus;
import io.camrig.proto.pb.RequestSetCOHNSetting;
import io.camrig.proto.pb.ResponseCOHNCert;
import io.camrig.proto.pb.ResponseConnect;
import io.camrig.proto.pb.ResponseConnectNew;
import io.camrig.proto.pb.ResponseStartScanning;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Network management (feature 0x02 on GP-0091/GP-0092) and camera on the home network (COHN).
 *
 * <ul>
 *   <li>Scan for Access Points: answered SCANNING_STARTED at once (status 22 → started); after
 *       {@link io.camrig.simulator.SimulatorOptions#busyAfterCommand()} the requesting client gets
 *       NotifStartScanning SCANNING_SUCCESS with the scan id and the count of networks (status 22 →
 *       completed); 0 networks for the first {@link io.camrig.simulator.SimulatorOptions#emptyScans()}
 *       scans ("scan found nothing", as real cameras sometimes report).</li>
 *   <li>Get AP Scan Results: a page of the last scan ({@link io.camrig.simulator.state.SimulatedWifi}).</li>
 *   <li>Connect (to a provisioned network) and Connect New (the password must be the network's:
 *       PROVISIONING_ERROR_PASSWORD_AUTH otherwise): answered PROVISIONING_STARTED with a
 *       30 s time limit, or the failure at once; the outcome follows as NotifProvisioningState
 *       (status 24 → completed or aborted). A connection changes the COHN status.</li>
 *   <li>COHN: create (refused unless {@code override} when a certificate exists), clear and get the
 *       certificate, enable or disable, and the status with its registration
 *       ({@code register_cohn_status}), pushed as F5 EF on every change.</li>
 * </ul>
 *
 * <p>Source: Open GoPro BLE spec, "Access Point", "Camera on the Home Network".
 */
final class NetworkHandler {
    private static final int CONNECT_TIMEOUT_SECONDS = 30;

    private final VirtualCamera camera;
    private final GattServerSession session;
    private final SessionRegistrations registrations;

    NetworkHandler(VirtualCamera camera, GattServerSession session, SessionRegistrations registrations) {
        this.camera = camera;
        this.session = session;
        this.registrations = registrations;
    }

    static Set<Operation> operations() {
        return EnumSet.of(Operation.SCAN_FOR_ACCESS_POINTS, Operation.GET_AP_SCAN_RESULTS,
                Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT, Operation.CONNECT_TO_A_NEW_ACCESS_POINT,
                Operation.GET_COHN_STATUS, Operation.CREATE_COHN_CERTIFICATE, Operation.CLEAR_COHN_CERTIFICATE,
                Operation.GET_COHN_CERTIFICATE, Operation.SET_COHN_SETTING);
    }

    void register(Map<Operation, Function<Message, Message>> table) {
        table.put(Operation.SCAN_FOR_ACCESS_POINTS, m -> scan());
        table.put(Operation.GET_AP_SCAN_RESULTS, m -> {
            RequestGetApEntries r = (RequestGetApEntries) m;
            return camera.wifi().entries(r.getScanId(), r.getStartIndex(), r.getMaxEntries());
        });
        table.put(Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT, m -> {
            EnumProvisioning outcome = camera.wifi().connect(((RequestConnect) m).getSsid());
            boolean ok = outcome != EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE;
            provisioningLater(outcome, ok);
            return ResponseConnect.newBuilder()
                    .setResult(ok ? EnumResultGeneric.RESULT_SUCCESS : EnumResultGeneric.RESULT_ARGUMENT_INVALID)
                    .setProvisioningState(ok ? EnumProvisioning.PROVISIONING_STARTED : outcome)
                    .setTimeoutSeconds(CONNECT_TIMEOUT_SECONDS).build();
        });
        table.put(Operation.CONNECT_TO_A_NEW_ACCESS_POINT, m -> {
            RequestConnectNew r = (RequestConnectNew) m;
            EnumProvisioning outcome = camera.wifi().connectNew(r.getSsid(), r.getPassword());
            boolean ok = outcome == EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP;
            provisioningLater(outcome, ok);
            return ResponseConnectNew.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS)
                    .setProvisioningState(EnumProvisioning.PROVISIONING_STARTED)
                    .setTimeoutSeconds(CONNECT_TIMEOUT_SECONDS).build();
        });
        table.put(Operation.GET_COHN_STATUS, m -> {
            RequestGetCOHNStatus r = (RequestGetCOHNStatus) m;
            if (r.hasRegisterCohnStatus()) {
                registrations.cohnStatus = r.getRegisterCohnStatus();
            }
            return cohnStatus();
        });
        table.put(Operation.CREATE_COHN_CERTIFICATE, m -> {
            boolean created = camera.cohn().createCertificate(((RequestCreateCOHNCert) m).getOverride());
            camera.networkChanged();
            return ProtobufHandler.generic(created ? EnumResultGeneric.RESULT_SUCCESS
                    : EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE);
        });
        table.put(Operation.CLEAR_COHN_CERTIFICATE, m -> {
            camera.cohn().clearCertificate();
            camera.networkChanged();
            return ProtobufHandler.generic(EnumResultGeneric.RESULT_SUCCESS);
        });
        table.put(Operation.GET_COHN_CERTIFICATE, m -> camera.cohn().certificate()
                .map(c -> ResponseCOHNCert.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS).setCert(c).build())
                .orElse(ResponseCOHNCert.newBuilder().setResult(EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE).build()));
        table.put(Operation.SET_COHN_SETTING, m -> {
            camera.cohn().setEnabled(((RequestSetCOHNSetting) m).getCohnActive());
            camera.networkChanged();
            return ProtobufHandler.generic(EnumResultGeneric.RESULT_SUCCESS);
        });
    }

    /** The COHN status notification (F5 EF). */
    byte[] cohnNotification() {
        ProtobufRef n = Operation.GET_COHN_STATUS.info().notification().orElseThrow();
        return ResponseEncoder.protobuf(n.featureId(), n.actionId(), cohnStatus());
    }

    private Message cohnStatus() {
        return camera.cohn().status(camera.wifi().connected());
    }

    private Message scan() {
        int scanId = camera.wifi().startScan();
        int found = camera.wifi().inRange().size();
        camera.statuses().setReported(22, 1, 1);
        camera.after(camera.options().busyAfterCommand(), () -> {
            camera.statuses().setReported(22, 1, 4);
            ProtobufRef n = Operation.SCAN_FOR_ACCESS_POINTS.info().notification().orElseThrow();
            session.send(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, ResponseEncoder.protobuf(n.featureId(), n.actionId(),
                    NotifStartScanning.newBuilder().setScanningState(EnumScanning.SCANNING_SUCCESS).setScanId(scanId)
                            .setTotalEntries(found)
                            .setTotalConfiguredSsid(camera.wifi().provisionedCount()).build()));
        });
        return ResponseStartScanning.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS)
                .setScanningState(EnumScanning.SCANNING_STARTED).build();
    }

    private void provisioningLater(EnumProvisioning outcome, boolean ok) {
        camera.statuses().setReported(24, 1, 1);
        camera.after(camera.options().busyAfterCommand(), () -> {
            camera.statuses().setReported(24, 1, ok ? 4 : 2);
            ProtobufRef n = Operation.CONNECT_TO_A_NEW_ACCESS_POINT.info().notification().orElseThrow();
            session.send(GoProUuid.NETWORK_MANAGEMENT_RESPONSE, ResponseEncoder.protobuf(n.featureId(), n.actionId(),
                    NotifProvisioningState.newBuilder().setProvisioningState(outcome).build()));
            camera.networkChanged();
        });
    }
}
