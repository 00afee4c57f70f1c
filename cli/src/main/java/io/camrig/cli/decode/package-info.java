/**
 * {@code camrig decode}: turns a recorded BLE trace ({@code <characteristic> <hex packet>} lines)
 * into one JSON object per reassembled message (JSON Lines).
 * {@link io.camrig.cli.decode.TraceDecoder} does the work; {@link io.camrig.cli.decode.DecodeCommand}
 * is the picocli front end.
 */
package io.camrig.cli.decode;
