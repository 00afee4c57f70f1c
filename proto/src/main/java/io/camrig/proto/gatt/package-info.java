/** GoPro GATT services and characteristics (Open GoPro BLE spec, "BLE Setup"). */
package io.camrig.proto.gatt;
