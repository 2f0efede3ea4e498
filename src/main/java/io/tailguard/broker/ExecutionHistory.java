package io.tailguard.broker;

import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ExecutionReport;
import java.util.List;

/** The answer to REQ_EXECUTIONS: the executions and whichever commission reports came with them. */
public record ExecutionHistory(List<ExecutionReport> executions, List<CommissionReport> commissions) {
    public ExecutionHistory {
        executions = List.copyOf(executions);
        commissions = List.copyOf(commissions);
    }
}
