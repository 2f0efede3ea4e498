package io.tailguard.domain;

/** Put or call. */
public enum OptionRight {
    PUT,
    CALL
}
