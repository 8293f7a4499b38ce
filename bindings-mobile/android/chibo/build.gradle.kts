// The AAR: the generated Kotlin (packages vn.chibo and vn.chibo.core, written into src/main/java by build-aar.sh),
// libchibo_mobile.so for the four ABIs (src/main/jniLibs, by cargo ndk), and JNA.
plugins {
    id("com.android.library")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "vn.chibo"
    compileSdk = 35
    defaultConfig {
        // java.time (OffsetDateTime, LocalDate, YearMonth) without desugaring.
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    implementation("net.java.dev.jna:jna:5.13.0@aar")
}
