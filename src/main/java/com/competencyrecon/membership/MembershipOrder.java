package com.competencyrecon.membership;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;

/** An organisation's purchase of the Silver or Gold benefit pack on a date. */
public record MembershipOrder(String orderId, Level level, LocalDate purchasedOn) {
}
