package com.competencyrecon.night;

import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.evaluation.AsOf;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/** The instants of a night, from the configured zone and latency. */
@Component
public class NightClock {

    private final ReconProperties properties;

    public NightClock(ReconProperties properties) {
        this.properties = properties;
    }

    public Instant cutoff(LocalDate businessDate) {
        return AsOf.cutoff(businessDate, properties.zone());
    }

    public AsOf asOf(LocalDate businessDate) {
        return AsOf.night(businessDate, properties.zone(), properties.latency());
    }
}
