// Package config loads kg's settings from defaults, a YAML file, KG_*
// environment variables and command-line flags, in that order of rising
// precedence, into a plain Config value that the rest of kg is given.
//
// It is the only package that touches viper, and it keeps no global state:
// each Load builds its own viper instance. It does not define flags; the
// CLI binds its flags to keys with Source.Flags.
package config
