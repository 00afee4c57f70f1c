/**
 * The Open GoPro BLE packet layer: splitting a message into GATT packets
 * ({@link io.camrig.ble.packet.PacketFragmenter}) and putting a message back together from the
 * packets of one response characteristic ({@link io.camrig.ble.packet.PacketReassembler},
 * {@link io.camrig.ble.packet.MessageAssembler}).
 *
 * <p>Terminology follows the spec: a <em>packet</em> is the GATT value including its packet
 * header; a <em>message</em> is the payload accumulated from one or more packets, headers
 * stripped. Packet headers (most significant bit first; {@code L} = length bit, {@code R} =
 * reserved, {@code C} = counter bit):
 * <pre>
 *   start, general 5-bit       0 00 LLLLL                            message length 0..31
 *   start, extended 13-bit     0 01 LLLLL  LLLLLLLL                  message length 0..8191
 *   start, extended 16-bit     0 10 RRRRR  LLLLLLLL LLLLLLLL         message length 0..65535
 *                                                                    (camera to client only)
 *   start, reserved            0 11 xxxxx                            never valid
 *   continuation               1 RRR CCCC                            counter 0x0..0xF, wrapping
 * </pre>
 * Lengths are unsigned big-endian byte counts of the message (not of the packet). A packet is at
 * most {@value io.camrig.ble.packet.PacketFragmenter#MAX_PACKET_SIZE} bytes on the default ATT
 * MTU.
 *
 * <p>Errors are {@link io.camrig.ble.packet.PacketException}s, permanent camrig errors. The layer
 * knows nothing about TLV or protobuf; decoding a message is the job of {@code proto}.
 *
 * <p>Spec: Open GoPro BLE, "Data Protocol" / "Packetization" and "Packet Headers"
 * ({@code shared/spec/ble/protocol_data_protocol.md}); tutorial 3, "Parsing Multiple Packet TLV
 * Responses".
 */
package io.camrig.ble.packet;
