/**
 * The embedded broker (HiveMQ Community Edition, embedded) with camrig's login and per-node
 * authorisation, and the generated broker credentials kept in the user's configuration directory.
 */
package io.camrig.cluster.broker;
