/**
 * The credential store kept for the user: {@link io.camrig.credentials.FileCredentialStore}, a JSON
 * file at the XDG location ({@link io.camrig.credentials.CredentialFileLocation}), written
 * atomically with mode 0600, optionally encrypted with AES-GCM under an Argon2id key derived from a
 * passphrase. It implements the engine's {@link io.camrig.engine.credentials.CredentialStore}.
 */
package io.camrig.credentials;
