package io.relance.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlMetricNamesTest {

    @Test
    void functionsAggregationsLabelsRangesAndNumbersAreNotMetrics() {
        assertThat(PromQlMetricNames.of(
                "sum by (job, status) (rate(http_server_requests_seconds_count{status=~\"5..\"}[$__rate_interval])) > 0.5"))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void everyOperandOfABinaryExpressionIsFound() {
        assertThat(PromQlMetricNames.of("sum(rate(a_total[5m])) / sum(rate(b_total[5m])) and on (job) up == 1"))
                .containsExactly("a_total", "b_total", "up");
    }

    @Test
    void subqueriesAndScientificNumbersAreHandled() {
        assertThat(PromQlMetricNames.of("deriv((sum by (job) (lag_max))[5m:30s]) > 1e3"))
                .containsExactly("lag_max");
    }
}
