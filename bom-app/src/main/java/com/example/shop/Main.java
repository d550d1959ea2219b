package com.example.shop;

import com.example.shop.model.Customer;
import com.example.shop.model.Order;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.engine.IgnisApplication;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.math.BigDecimal;
import java.util.List;

/**
 * Starts the application, writes customers and orders on their two datasources, reads orders with their customers
 * (an include across datasources) through the typed Where builder, and checks the answers and the metrics. Any
 * failed check ends the JVM with a non-zero status, which fails the build.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ShopComponent shop = DaggerShopComponent.factory().create(registry);
        try (IgnisApplication app = shop.app().start()) {
            Customer ada = shop.customers().create(new Customer("ada@example.com", "Ada")).single();
            Customer bob = shop.customers().create(new Customer("bob@example.com", "Bob")).single();
            shop.orders().create(new Order(ada.getId(), new BigDecimal("12.50")));
            shop.orders().create(new Order(bob.getId(), new BigDecimal("99.00")));
            shop.orders().create(new Order(ada.getId(), new BigDecimal("150.00")));

            // The README's filter: a typed where with related fields across datasources, order, limit and include.
            Filter filter = Filter.where(Where.and(
                            Where.gte("total", new BigDecimal("50")),
                            Where.or(Where.eq("customer.name", "Ada"), Where.ilike("customer.email", "%@example.com"))))
                    .order("total DESC").limit(20).include("customer");
            List<Order> large = shop.orders().find(filter);
            check(large.size() == 2, "two orders of 50 or more, found " + large.size());
            check(large.get(0).getTotal().compareTo(new BigDecimal("150")) == 0, "the largest first: " + large.get(0).getTotal());
            check(large.stream().allMatch(o -> o.getCustomer() != null), "every order has its customer included");
            List<Order> adas = shop.orders().find(Filter.where(Where.eq("customer.name", "Ada")));
            check(adas.size() == 2 && adas.get(0).getCustomerId().equals(ada.getId()), "two orders of Ada's, found " + adas.size());
            check(shop.orders().count(Where.in("customerId", List.of(ada.getId(), bob.getId()))) == 3, "count with in");
            check(shop.orders().find(Filter.parse("{\"where\":{\"total\":{\"gte\":50}},\"include\":[\"customer\"]}")).size() == 2,
                    "the same where as JSON");
            check(app.keys().contains("repositories.OrderRepository"), "the repository key is bound: " + app.keys());

            String scrape = registry.scrape();
            check(scrape.contains("ignis_query_seconds_count{"), "the statements are timed");
            long lines = scrape.lines().count();
            check(lines < 1_500, "a small scrape (no histogram buckets by default), got " + lines + " lines");
            System.out.println("Started on the module path; " + large.size() + " orders with their customers; scrape "
                    + lines + " lines, " + scrape.length() + " characters");
        } finally {
            registry.close();
        }
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("Check failed: " + what);
        }
    }
}
