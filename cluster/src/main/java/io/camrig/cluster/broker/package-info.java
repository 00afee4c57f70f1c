/**
 * The embedded broker (HiveMQ Community Edition, embedded) and a local Mosquitto child process
 * ({@link io.camrig.cluster.broker.LocalMosquitto}), each with camrig's login and per-node
 * authorisation, and the generated broker credentials kept in the user's configuration directory.
 */
package io.camrig.cluster.broker;
