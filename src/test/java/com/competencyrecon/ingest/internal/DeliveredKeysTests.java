package com.competencyrecon.ingest.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveredKeysTests {

    @Test
    void everyAddedKeyMightBeThereAcrossBlocks() {
        DeliveredKeys keys = new DeliveredKeys();
        int added = (1 << 20) + 50_000; // past one block
        for (int i = 0; i < added; i++) {
            keys.add("rec-" + i);
        }
        for (int i = 0; i < added; i++) {
            assertThat(keys.mightContain("rec-" + i)).as("rec-" + i).isTrue();
        }
    }

    @Test
    void fewKeysNeverAddedAreTakenForAdded() {
        DeliveredKeys keys = new DeliveredKeys();
        for (int i = 0; i < 500_000; i++) {
            keys.add("ach-" + i);
        }
        int falsePositives = 0;
        for (int i = 0; i < 200_000; i++) {
            if (keys.mightContain("other-" + i)) {
                falsePositives++;
            }
        }
        // A half-full block answers wrongly far below 1 % of the time; 2 % would mean the hashing is broken.
        assertThat(falsePositives).isLessThan(4_000);
    }

    @Test
    void anEmptyFilterHoldsNothing() {
        assertThat(new DeliveredKeys().mightContain("")).isFalse();
        assertThat(new DeliveredKeys().mightContain("rec-1")).isFalse();
    }
}
