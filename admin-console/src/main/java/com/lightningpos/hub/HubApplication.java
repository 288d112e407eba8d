package com.lightningpos.hub;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The hub: admin console, the shops' {@code /sync/v1} API, the admin REST API and the ETL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@Theme(themeClass = Lumo.class)
public class HubApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
