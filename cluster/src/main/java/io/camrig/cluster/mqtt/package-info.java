/**
 * The cluster's MQTT 5 connection, over HiveMQ's MQTT client (its asynchronous API bridged to
 * Reactor): broker URL, login from files, TLS with a PEM CA, Last Will, persistent sessions and
 * automatic reconnect.
 */
package io.camrig.cluster.mqtt;
