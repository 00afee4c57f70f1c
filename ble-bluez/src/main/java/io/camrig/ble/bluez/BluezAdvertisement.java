package io.camrig.ble.bluez;

import io.camrig.ble.spi.Advertisement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An advertisement as BlueZ reports it: the SPI's {@link Advertisement} plus the manufacturer
 * data, which BlueZ exposes as the device's {@code ManufacturerData} property ({@code a{qv}}).
 * A GoPro's manufacturer data is keyed by GoPro's company identifier {@code 0x02F2}.
 *
 * @param advertisement    address, name, service UUIDs and RSSI (dBm)
 * @param manufacturerData company identifier (0..65535) → the data bytes; copied in, empty when none
 * @param devicePath       BlueZ's object path of the device, e.g. {@code /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF}
 */
public record BluezAdvertisement(Advertisement advertisement, Map<Integer, byte[]> manufacturerData,
                                 String devicePath) {
    public BluezAdvertisement {
        Objects.requireNonNull(advertisement, "advertisement");
        Objects.requireNonNull(devicePath, "devicePath");
        Map<Integer, byte[]> copy = new LinkedHashMap<>();
        manufacturerData.forEach((k, v) -> copy.put(k, v.clone()));
        manufacturerData = java.util.Collections.unmodifiableMap(copy);
    }

    /** The data for one company identifier, copied, or {@code null}. */
    public byte[] manufacturerData(int companyId) {
        byte[] data = manufacturerData.get(companyId);
        return data == null ? null : data.clone();
    }
}
