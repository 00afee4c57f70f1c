/**
 * JMH benchmarks of camrig's packet path, one JMH operation per packet where packets are what
 * flows ({@code @OperationsPerInvocation}), so that scores read as packets/s:
 * <ul>
 *   <li>{@link io.camrig.benchmarks.ReassemblerBenchmark}: the reassembler on a mixed stream and
 *       on 8,000-byte messages;</li>
 *   <li>{@link io.camrig.benchmarks.FragmenterBenchmark}: the fragmenter, per message length;</li>
 *   <li>{@link io.camrig.benchmarks.DecoderBenchmark}: TLV and protobuf decoding;</li>
 *   <li>{@link io.camrig.benchmarks.NotificationPathBenchmark}: a GATT notification through the
 *       engine's pipeline to a Reactor subscriber.</li>
 * </ul>
 * Secondary scores count messages ({@link io.camrig.benchmarks.MessageCounter}) or packets
 * ({@link io.camrig.benchmarks.PacketCounter}); {@link io.camrig.benchmarks.ProcessCpuProfiler}
 * reports the cores the process actually got, for figures taken on a shared machine.
 *
 * <p>Build with {@code mvn -pl benchmarks -am package}, run with
 * {@code java -jar benchmarks/target/benchmarks.jar [regex] [JMH options]}, e.g.
 * {@code -prof gc -prof io.camrig.benchmarks.ProcessCpuProfiler}. {@code BenchmarksSmokeTest}
 * runs each one briefly in the test suite so none can rot. The rig-scale harness is in
 * {@link io.camrig.benchmarks.rig}; see {@code BENCHMARKS.md} at the repository root.
 */
package io.camrig.benchmarks;
