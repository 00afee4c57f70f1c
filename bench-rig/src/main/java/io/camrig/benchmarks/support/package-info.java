/**
 * What the benchmarks feed the code under test: the message-size mix of a camera's notification
 * stream ({@link io.camrig.benchmarks.support.MessageMix}) and a zero-cost GATT link
 * ({@link io.camrig.benchmarks.support.LoopbackGattConnection}).
 */
package io.camrig.benchmarks.support;
