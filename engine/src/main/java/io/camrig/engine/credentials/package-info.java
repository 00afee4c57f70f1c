/**
 * AP and COHN credentials per camera, as the engine needs them: {@link
 * io.camrig.engine.credentials.CredentialStore}, its entries and an in-memory store. The file
 * store (XDG location, atomic writes, 0600, optional encryption with a passphrase) is in module
 * {@code camrig-credentials}, package {@code io.camrig.credentials}.
 */
package io.camrig.engine.credentials;
