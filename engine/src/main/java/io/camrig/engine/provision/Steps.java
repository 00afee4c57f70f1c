package io.camrig.engine.provision;

import io.camrig.engine.error.ExchangeTimeoutException;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CredentialStore;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Small helpers the provisioning classes share: time limits as typed errors, store access off the event loop. */
public final class Steps {
    private Steps() {
    }

    /**
     * Turns a time limit that passed inside {@code step} (an {@link ExchangeTimeoutException} of the
     * camera, or Reactor's {@code TimeoutException} of a {@code timeout} operator with
     * {@code limit}) into a {@link ProvisioningTimeoutException} naming the step.
     */
    public static <T> Mono<T> limited(Mono<T> mono, String camera, ProvisionStep step, java.time.Duration limit) {
        return mono.onErrorMap(ExchangeTimeoutException.class,
                        e -> new ProvisioningTimeoutException(camera, step, e.timeout(), e))
                .onErrorMap(java.util.concurrent.TimeoutException.class,
                        e -> new ProvisioningTimeoutException(camera, step, limit, e));
    }

    /** {@link CredentialStore#update}, run on {@code boundedElastic} since stores may do I/O. */
    public static Mono<CameraCredentials> update(CredentialStore store, String serial,
                                                 UnaryOperator<CameraCredentials> change) {
        return Mono.fromCallable(() -> store.update(serial, change)).subscribeOn(Schedulers.boundedElastic());
    }

    /** {@link CredentialStore#get}, run on {@code boundedElastic}; empty when there is no entry. */
    public static Mono<CameraCredentials> get(CredentialStore store, String serial) {
        return Mono.fromCallable(() -> store.get(serial).orElse(null)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The one-line description of a failure used in {@link ProvisionStep#FAILED} events. */
    public static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
