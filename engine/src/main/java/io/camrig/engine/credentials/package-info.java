/**
 * AP and COHN credentials per camera, kept for the user: {@link
 * io.camrig.engine.credentials.CredentialStore}, a file store (XDG location, atomic writes, 0600,
 * optional AES-GCM encryption with a passphrase) and an in-memory one.
 */
package io.camrig.engine.credentials;
