package com.competencyrecon.night;

import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.membership.MembershipOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The membership core is plain Java: this gives it the orders ingest stored, for the steps that ask it. */
@Configuration
public class MembershipConfig {

    @Bean
    public MembershipDirectory membershipDirectory(MembershipOrders orders) {
        return new MembershipDirectory(orders);
    }
}
