package io.labelbench.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JobPartitionsTest {

	@Test
	void aRequestIsCutIntoPartitionsOfOnePipelineCallEach() {
		// 1,000 texts on 2 slots: 16 partitions of at most 64 texts, so the slot done first takes the next one
		assertEquals(16, ClusterDriver.partitions(1000, 2));
		assertEquals(2, ClusterDriver.partitions(64, 1), "at least two partitions a slot");
	}

	@Test
	void everySlotOfALargeClusterGetsWork() {
		assertEquals(160, ClusterDriver.partitions(1000, 80), "two partitions a slot when the texts allow");
		assertEquals(100, ClusterDriver.partitions(100, 80), "never more partitions than texts");
	}

	@Test
	void smallRequestsAndUnknownSlots() {
		assertEquals(1, ClusterDriver.partitions(1, 4));
		assertEquals(3, ClusterDriver.partitions(3, 4));
		assertEquals(2, ClusterDriver.partitions(10, 0), "no executor counted yet: still two partitions");
	}
}
