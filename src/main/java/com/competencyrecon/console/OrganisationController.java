package com.competencyrecon.console;

import com.competencyrecon.alerts.internal.JdbcAlerts;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.evaluation.internal.JdbcResults;
import com.competencyrecon.ingest.internal.JdbcOrganizations;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.membership.Memberships;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Organisations: search by id or name; one organisation's competencies over its latest nights (a table and a
 * chart of levels), its alerts that hold, its membership terms and what it has towards the next level.
 */
@Controller
class OrganisationController {

    static final int SEARCH_LIMIT = 50;
    static final int NIGHTS = 14;
    static final int ALERTS = 100;

    private final JdbcOrganizations search;
    private final Organizations organizations;
    private final JdbcResults results;
    private final JdbcAlerts alerts;
    private final MembershipOrders orders;
    private final NextLevels nextLevels;

    OrganisationController(JdbcOrganizations search, Organizations organizations, JdbcResults results,
                           JdbcAlerts alerts, MembershipOrders orders, NextLevels nextLevels) {
        this.search = search;
        this.organizations = organizations;
        this.results = results;
        this.alerts = alerts;
        this.orders = orders;
        this.nextLevels = nextLevels;
    }

    @GetMapping("/console/orgs")
    String search(@RequestParam(required = false) String q, Model model) {
        String text = Inputs.optional(q);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("found", text == null ? List.of() : search.search(text, SEARCH_LIMIT));
        model.addAttribute("limit", SEARCH_LIMIT);
        return "console/orgs";
    }

    @GetMapping("/console/orgs/{orgId}")
    String organisation(@PathVariable String orgId, Model model) {
        OrgRow org = organizations.withIds(List.of(orgId)).stream().findFirst()
                .orElseThrow(() -> new ConsoleAdvice.NotFound("no organisation " + orgId));
        List<CompetencyResult> history = results.historyOf(orgId, NIGHTS);
        TreeSet<LocalDate> nights = new TreeSet<>();
        Map<String, Map<LocalDate, CompetencyResult>> byCompetency = new TreeMap<>();
        history.forEach(r -> {
            nights.add(r.businessDate());
            byCompetency.computeIfAbsent(r.competency(), k -> new TreeMap<>()).put(r.businessDate(), r);
        });
        LocalDate latest = nights.isEmpty() ? null : nights.last();
        List<String> names = new ArrayList<>(byCompetency.keySet());
        List<List<Integer>> levels = new ArrayList<>();
        for (String competency : names) {
            List<Integer> line = new ArrayList<>();
            for (LocalDate night : nights) {
                CompetencyResult r = byCompetency.get(competency).get(night);
                line.add(r == null ? null : r.attainedLevel().ordinal());
            }
            levels.add(line);
        }
        List<MembershipOrder> orgOrders = orders.ofOrganizations(List.of(orgId)).getOrDefault(orgId, List.of());

        model.addAttribute("org", org);
        model.addAttribute("latest", latest);
        model.addAttribute("current", latest == null ? List.of() : history.stream()
                .filter(r -> r.businessDate().equals(latest)).toList());
        model.addAttribute("history", history.stream().sorted((a, b) -> b.businessDate().compareTo(a.businessDate()))
                .toList());
        model.addAttribute("levelsChart", Charts.levels(nights.stream().map(LocalDate::toString).toList(), names,
                levels, "Attained level per competency over the organisation's latest nights"));
        model.addAttribute("alerts", alerts.holdingOf(orgId, ALERTS));
        model.addAttribute("terms", Memberships.terms(orgOrders, latest == null ? LocalDate.now() : latest));
        model.addAttribute("next", latest == null ? List.of() : nextLevels.of(org, latest));
        return "console/org";
    }
}
