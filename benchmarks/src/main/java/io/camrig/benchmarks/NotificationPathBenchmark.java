package io.camrig.benchmarks;

import io.camrig.benchmarks.support.LoopbackGattConnection;
import io.camrig.benchmarks.support.MessageMix;
import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.ble.spi.GattNotification;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.proto.gatt.GoProUuid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The whole inbound path of one camera, through the engine's public API: a GATT notification
 * pushed into {@link Camera#open}'s link → on the pushing thread, as on a transport's receive
 * thread: reassembly per response characteristic, {@code MessageDecoder}, status cache, the
 * unsolicited hub → {@link Camera#unsolicited()} delivered on the delivery scheduler to a Reactor
 * subscriber. One JMH operation is one packet pushed, so the primary score is
 * <strong>packets/s</strong>; the {@code messages} secondary score is typed messages delivered per
 * second.
 *
 * <p>Threads, as in a real camera ({@code threads=dedicated}): the JMH thread plays the
 * transport's receive thread and user code runs on another ({@code bench-delivery}); the camera's
 * worker ({@code bench-camera}) only sees responses, which these streams do not have.
 * {@code threads=inline} delivers on the JMH thread too, to separate the engine's work from the
 * hand-off. The link is a {@link LoopbackGattConnection}: its notifications go through a Reactor
 * sink, as a transport's do, and nothing else of a transport is counted; the
 * {@link GattNotification}s are built beforehand for the same reason.
 *
 * <p>The unsolicited hub drops messages for a subscriber that has no demand left (it is
 * "best effort" by design), so the producer keeps at most {@code window} ({@value #WINDOW})
 * messages in flight —
 * within the subscriber's remaining demand — and waits (spinning, then yielding) when the window
 * is full. At the end of each iteration it waits for every message to arrive, and fails if one
 * was lost. Streams ({@code stream}): {@code statusPush}, every packet a whole 0x93 status
 * push of two statuses (8 bytes, the commonest notification); {@code mixed}, GP-0077 pushes with
 * {@link MessageMix}'s lengths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NotificationPathBenchmark {
    /** Packets pushed per invocation (JMH operations per invocation). */
    public static final int BATCH = 256;
    /**
     * The default window: messages in flight at most between the producer and the subscriber.
     * The subscriber's {@code publishOn} requests 256, then 192 more each time it has consumed
     * 192; so with up to 191 consumed and not yet replenished, demand can be as low as 65, and a
     * window of 64 never finds the hub without demand.
     */
    public static final int WINDOW = 64;
    /** Messages in the pre-generated stream. */
    public static final int MESSAGES = 4096;

    /** Which stream: {@code statusPush} or {@code mixed}. */
    @Param({"statusPush", "mixed"})
    public String stream;

    /**
     * Messages in flight at most ({@value #WINDOW} by default). A larger window needs a larger
     * Reactor prefetch, or the hub drops: at most a quarter of {@code reactor.bufferSize.small},
     * e.g. {@code -p window=1024 -jvmArgsAppend -Dreactor.bufferSize.small=4096}; the score is
     * then bound less by hand-off latency.
     */
    @Param({"64"})
    public int window;

    /**
     * {@code dedicated}: the camera's worker and the delivery scheduler are one thread each, as in
     * a real rig. {@code inline}: both are {@link Schedulers#immediate()}, so the whole path runs
     * on the producer's thread — no hand-off, no waiting — which isolates the CPU cost of the
     * engine's work per packet from the cost of the hand-off to the subscriber. A diagnostic
     * only: the engine never delivers on the transport's thread in real use.
     */
    @Param({"dedicated", "inline"})
    public String threads;

    private GattNotification[] notifications;
    private boolean[] endsMessage;
    private int cursor;
    private long sent;
    private final AtomicLong delivered = new AtomicLong();
    private Scheduler cameraScheduler;
    private Scheduler deliveryScheduler;
    private LoopbackGattConnection link;
    private Camera camera;
    private Disposable subscription;

    /** Builds the stream, opens the camera on a loopback link and subscribes to it. */
    @Setup(Level.Trial)
    public void setUp() {
        List<GattNotification> packets = new ArrayList<>();
        List<Boolean> ends = new ArrayList<>();
        for (byte[] message : messages()) {
            List<byte[]> fragments = PacketFragmenter.fragment(message);
            for (int i = 0; i < fragments.size(); i++) {
                packets.add(new GattNotification(GoProUuid.QUERY_RESPONSE.uuid(), fragments.get(i)));
                ends.add(i == fragments.size() - 1);
            }
        }
        notifications = packets.toArray(GattNotification[]::new);
        endsMessage = new boolean[ends.size()];
        for (int i = 0; i < endsMessage.length; i++) {
            endsMessage[i] = ends.get(i);
        }
        cursor = 0;
        sent = 0;
        delivered.set(0);
        boolean inline = switch (threads) {
            case "dedicated" -> false;
            case "inline" -> true;
            default -> throw new IllegalArgumentException("unknown threads " + threads);
        };
        cameraScheduler = inline ? Schedulers.immediate() : Schedulers.newSingle("bench-camera", true);
        deliveryScheduler = inline ? Schedulers.immediate() : Schedulers.newSingle("bench-delivery", true);
        link = new LoopbackGattConnection("00:00:00:00:00:01");
        camera = Camera.open(link, "bench", CameraOptions.defaults()
                        .withScheduler(cameraScheduler).withDeliveryScheduler(deliveryScheduler))
                .block(Duration.ofSeconds(10));
        subscription = camera.unsolicited().subscribe(m -> delivered.lazySet(delivered.get() + 1));
        MessageMix.settle();
    }

    /** The messages of the selected stream. */
    public List<byte[]> messages() {
        SplittableRandom random = new SplittableRandom(0x60Fe0);
        return switch (stream) {
            case "statusPush" -> {
                List<byte[]> m = new ArrayList<>(MESSAGES);
                for (int i = 0; i < MESSAGES; i++) {
                    m.add(MessageMix.push(random, 8));
                }
                yield m;
            }
            case "mixed" -> MessageMix.mixedPushes(MESSAGES, 0x60Fe0);
            default -> throw new IllegalArgumentException("unknown stream " + stream);
        };
    }

    /** Pushes the next {@value #BATCH} packets, keeping at most {@code window} messages in flight. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void notificationToSubscriber(MessageCounter counter) {
        GattNotification[] stream = notifications;
        boolean[] ends = endsMessage;
        int position = cursor;
        long messages = 0;
        for (int i = 0; i < BATCH; i++) {
            if (ends[position]) {
                awaitWindow();
                sent++;
                messages++;
            }
            link.push(stream[position]);
            if (++position == stream.length) {
                position = 0;
            }
        }
        cursor = position;
        counter.messages += messages;
    }

    private void awaitWindow() {
        int spins = 0;
        while (sent - delivered.get() >= window) {
            if (++spins < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Waits for every message sent to be delivered; fails when one was lost. */
    @TearDown(Level.Iteration)
    public void drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.get() < sent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("messages lost on the path: sent " + sent + ", delivered "
                        + delivered.get());
            }
            Thread.yield();
        }
    }

    /** Messages delivered to the subscriber since setup. */
    public long delivered() {
        return delivered.get();
    }

    /** Closes the camera and stops its threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        subscription.dispose();
        camera.close();
        cameraScheduler.dispose();
        deliveryScheduler.dispose();
    }
}
