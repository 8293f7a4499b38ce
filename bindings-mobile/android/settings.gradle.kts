// The Android library project of chibo: one module, `chibo`, built into an AAR by build-aar.sh.
// Not built on the project's Linux machines (no Android SDK or NDK there): docs/mobile.md.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "chibo-android"
include(":chibo")
