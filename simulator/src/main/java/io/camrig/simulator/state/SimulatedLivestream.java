package io.camrig.simulator.state;

import io.camrig.proto.pb.EnumLens;
import io.camrig.proto.pb.EnumLiveStreamError;
import io.camrig.proto.pb.EnumLiveStreamStatus;
import io.camrig.proto.pb.EnumWindowSize;
import io.camrig.proto.pb.NotifyLiveStreamStatus;
import io.camrig.proto.pb.RequestSetLiveStreamMode;

/**
 * A virtual camera's live stream: idle until configured with Set Livestream Mode, then ready. The
 * simulator does not stream. An empty or non-RTMP URL fails configuration
 * (LIVE_STREAM_STATE_FAILED_STAY_ON, LIVE_STREAM_ERROR_CREATESTREAM). Thread-safe.
 *
 * <p>Source: Open GoPro BLE spec, "Live Streaming"; "Protobuf" / NotifyLiveStreamStatus.
 */
public final class SimulatedLivestream {
    private EnumLiveStreamStatus status = EnumLiveStreamStatus.LIVE_STREAM_STATE_IDLE;
    private EnumLiveStreamError error = EnumLiveStreamError.LIVE_STREAM_ERROR_NONE;
    private boolean encode;
    private int bitrate;

    /** Applies a Set Livestream Mode request; returns {@code true} when the stream is ready. */
    public synchronized boolean configure(RequestSetLiveStreamMode mode) {
        if (!mode.hasUrl() || !mode.getUrl().startsWith("rtmp")) {
            status = EnumLiveStreamStatus.LIVE_STREAM_STATE_FAILED_STAY_ON;
            error = EnumLiveStreamError.LIVE_STREAM_ERROR_CREATESTREAM;
            return false;
        }
        status = EnumLiveStreamStatus.LIVE_STREAM_STATE_READY;
        error = EnumLiveStreamError.LIVE_STREAM_ERROR_NONE;
        encode = mode.getEncode();
        bitrate = mode.hasStartingBitrate() ? mode.getStartingBitrate() : 1000;
        return true;
    }

    /** The status as NotifyLiveStreamStatus carries it. */
    public synchronized NotifyLiveStreamStatus status() {
        return NotifyLiveStreamStatus.newBuilder()
                .setLiveStreamStatus(status)
                .setLiveStreamError(error)
                .setLiveStreamEncode(encode)
                .setLiveStreamBitrate(bitrate)
                .addLiveStreamWindowSizeSupportedArray(EnumWindowSize.WINDOW_SIZE_480)
                .addLiveStreamWindowSizeSupportedArray(EnumWindowSize.WINDOW_SIZE_720)
                .addLiveStreamWindowSizeSupportedArray(EnumWindowSize.WINDOW_SIZE_1080)
                .setLiveStreamEncodeSupported(true)
                .setLiveStreamMaxLensUnsupported(false)
                .setLiveStreamMinimumStreamBitrate(800)
                .setLiveStreamMaximumStreamBitrate(8000)
                .setLiveStreamLensSupported(true)
                .addLiveStreamLensSupportedArray(EnumLens.LENS_WIDE)
                .addLiveStreamLensSupportedArray(EnumLens.LENS_LINEAR)
                .addLiveStreamLensSupportedArray(EnumLens.LENS_SUPERVIEW)
                .setLiveStreamProtuneSupported(true)
                .build();
    }
}
