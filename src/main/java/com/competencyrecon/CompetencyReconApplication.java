package com.competencyrecon;

import com.competencyrecon.night.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CompetencyReconApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(CompetencyReconApplication.class, args);
        if (context.getBean(CommandLine.class).oneShot()) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
