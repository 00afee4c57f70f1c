/**
 * A rig's Micrometer meters served as Prometheus text on 127.0.0.1 ({@link
 * io.camrig.prometheus.PrometheusEndpoint}).
 */
package io.camrig.prometheus;
