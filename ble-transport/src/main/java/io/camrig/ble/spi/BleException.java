package io.camrig.ble.spi;

import io.camrig.proto.error.TransientCamrigException;

/**
 * A BLE transport failure: the peripheral cannot be reached, the link dropped, a GATT operation
 * failed. Transient: reconnecting may help.
 */
public class BleException extends TransientCamrigException {
    public BleException(String message, String address, Throwable cause) {
        super(message, address, null, cause);
    }

    public BleException(String message, String address) {
        this(message, address, null);
    }
}
