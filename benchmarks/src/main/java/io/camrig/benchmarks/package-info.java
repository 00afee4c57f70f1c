/**
 * JMH benchmarks of camrig's hot paths. Build with {@code mvn -pl benchmarks -am package}, run
 * with {@code java -jar benchmarks/target/benchmarks.jar [regex] [JMH options]}. Each benchmark
 * has a smoke test that runs it briefly in-process so it cannot rot.
 */
package io.camrig.benchmarks;
