package io.camrig.engine.provision;

/** What a camera's provisioning is doing, as {@link ProvisionEvent}s report it. */
public enum ProvisionStep {
    /** Reading the camera's serial number (Get Hardware Info 0x3C). */
    IDENTIFY,
    /** Connect to Provisioned Access Point (02 04): the camera may already know the network. */
    CONNECT_KNOWN,
    /** Scan for Access Points (02 02) and Get AP Scan Results (02 03); detail: the attempt. */
    SCAN,
    /** A scan did not show the network; another follows after the retry delay. */
    SCAN_RETRY,
    /** Connect to a New Access Point (02 05) with the password. */
    CONNECT_NEW,
    /** The camera is on the network (NotifProvisioningState success). */
    NETWORK_CONNECTED,
    /** The stored COHN credentials still match the camera: nothing re-created. */
    COHN_REUSED,
    /** Create COHN Certificate (F1 67). */
    COHN_CREATE_CERTIFICATE,
    /** Waiting for NotifyCOHNStatus COHN_PROVISIONED with an IP address. */
    COHN_WAIT,
    /** COHN credentials stored; detail: the IP address. */
    COHN_STORED,
    /** The camera's COHN IP address changed and the store follows; detail: the new address. */
    COHN_IP_CHANGED,
    /** Clear COHN Certificate (F1 66) and the stored COHN credentials forgotten. */
    COHN_CLEARED,
    /** Set AP Control (0x17) sent; waiting for status 69 "AP Mode". */
    AP_SWITCH,
    /** Status 69 shows the wanted value; detail: on or off. */
    AP_MODE,
    /** AP SSID and password read (GP-0002, GP-0003) and stored; detail: the SSID. */
    AP_CREDENTIALS,
    /** The host is joining the camera's access point. */
    HOST_JOIN,
    /** Everything asked for is done; detail: the camera's COHN IP address when there is one. */
    DONE,
    /** A step failed; detail: the error's type and message (never a secret). */
    FAILED
}
